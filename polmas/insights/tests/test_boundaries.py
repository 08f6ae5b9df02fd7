"""The command map's boundaries: scoped, rounded, revalidated by ETag, gzipped on request."""

from __future__ import annotations

import gzip
import json
import re

from django.test import Client

from polmas.org.boundaries import forget, round_geometry
from polmas.org.models import Region
from polmas.org.testing import World

URL = "/api/v1/insights/boundaries"


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_polres_gets_every_desa_rounded_with_an_etag(world: World) -> None:
    forget()
    client = _client(world.user_polres)
    r = client.get(URL, {"level": "desa"})
    assert r.status_code == 200
    assert r["Cache-Control"] == "private, no-cache" and r["ETag"].startswith('"')
    body = json.loads(r.content)
    assert len(body["features"]) == 317
    feature = body["features"][0]
    assert feature["properties"]["code"] == feature["id"]
    decimals = {len(m) for m in re.findall(r"\.(\d+)", json.dumps(body["features"][:20]))}
    assert max(decimals) <= 5
    stored = dict(
        Region.objects.filter(level="desa", boundary__isnull=False).values_list("code", "boundary")
    )
    assert sorted(stored) == [f["id"] for f in body["features"]]
    full = [{"id": code, "geometry": geometry} for code, geometry in sorted(stored.items())]
    assert len(r.content) < 0.7 * len(json.dumps(full))
    # The org API serves the same compact collection.
    org = client.get("/api/v1/regions/boundaries?level=desa")
    assert org.status_code == 200 and json.loads(org.content) == body
    # Unchanged: a bodiless 304 for the same ETag.
    again = client.get(URL, {"level": "desa"}, headers={"If-None-Match": r["ETag"]})
    assert again.status_code == 304 and again.content == b""
    # gzip when accepted.
    packed = client.get(URL, {"level": "desa"}, headers={"Accept-Encoding": "gzip, br"})
    assert packed["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(packed.content)) == body
    assert len(packed.content) < len(r.content) / 3


def test_kapolsek_gets_only_their_desa_and_another_etag(world: World) -> None:
    polres = _client(world.user_polres).get(URL, {"level": "desa"})
    polsek = _client(world.user_in).get(URL, {"level": "desa"})
    codes = [f["id"] for f in json.loads(polsek.content)["features"]]
    assert 0 < len(codes) < 30
    assert world.desa_in.code in codes and world.desa_out.code not in codes
    assert polsek["ETag"] != polres["ETag"]
    stale = _client(world.user_in).get(
        URL, {"level": "desa"}, headers={"If-None-Match": polres["ETag"]}
    )
    assert stale.status_code == 200


def test_kecamatan_level_and_bad_level(world: World) -> None:
    client = _client(world.user_polres)
    kec = json.loads(client.get(URL, {"level": "kecamatan"}).content)
    assert len(kec["features"]) == 31
    bad = client.get(URL, {"level": "provinsi"})
    assert bad.status_code == 422
    assert "tingkat desa dan kecamatan" in bad.json()["detail"]


def test_rounding_keeps_rings_closed_and_valid() -> None:
    start = [108.1234567, -6.1]
    ring = [start, [108.1234568, -6.1], [108.2, -6.2], [108.3, -6.1], start]
    out = round_geometry({"type": "Polygon", "coordinates": [ring]})["coordinates"][0]
    assert out[0] == out[-1] == [108.12346, -6.1]
    assert len(out) == 4  # the duplicate point after rounding is dropped
    tiny = [[1.000001, 1.0], [1.000002, 1.0], [1.000003, 1.0], [1.000001, 1.0]]
    kept = round_geometry({"type": "MultiPolygon", "coordinates": [[tiny]]})["coordinates"][0][0]
    assert len(kept) == 4  # never fewer than 4 points
    assert round_geometry({"type": "Point", "coordinates": [1, 2]}) == {
        "type": "Point",
        "coordinates": [1, 2],
    }
