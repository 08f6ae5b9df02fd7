from django.urls import path

from polmas.channels import views, webhooks

app_name = "channels"

urlpatterns = [
    path("channels/", views.channel_list, name="list"),
    path("channels/kanal/<int:channel_id>/", views.channel_detail, name="detail"),
    path(
        "channels/percakapan/<int:conversation_id>/", views.conversation_detail, name="conversation"
    ),
    path("channels/siaran/", views.broadcasts, name="broadcasts"),
    path("channels/web/<int:channel_id>/", views.web_form, name="web_form"),
    path(
        "channels/web/<int:channel_id>/tanda-terima/<uuid:session>/",
        views.web_receipt,
        name="web_receipt",
    ),
    path("channels/<str:kind>/<int:channel_id>/webhook", webhooks.webhook, name="webhook"),
]
