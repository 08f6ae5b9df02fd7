from django.urls import path

from polmas.humas import feeds, views

app_name = "humas"

urlpatterns = [
    path("humas/", views.release_list, name="release_list"),
    path("humas/baru/", views.release_new, name="release_new"),
    path("humas/dari-patroli/", views.release_from_patrol, name="release_from_patrol"),
    path("humas/<int:pk>/", views.release_detail, name="release_detail"),
    path("humas/<int:pk>/ubah/", views.release_edit, name="release_edit"),
    path("humas/<int:pk>/aksi/", views.release_transition, name="release_transition"),
    path("berita/", views.news_list, name="news_list"),
    path("berita/rss.xml", feeds.LatestReleasesRss(), name="rss_feed"),
    path("berita/atom.xml", feeds.LatestReleasesAtom(), name="atom_feed"),
    path("berita/feed.json", feeds.json_feed, name="json_feed"),
    path("berita/satuan/<slug:unit_code>/", views.news_list, name="news_unit"),
    path("berita/<slug:slug>/", views.news_detail, name="news_detail"),
]
