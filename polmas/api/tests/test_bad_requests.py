"""Requests no view should see: NUL in the address, a JSON body that is not an object."""

from __future__ import annotations

import pytest
from django.test import Client

from polmas.org.testing import World
from polmas.patrols.models import Patrol

pytestmark = pytest.mark.django_db
NUL_MESSAGE = "Alamat berisi karakter NUL yang tidak diizinkan."


@pytest.mark.parametrize(
    "path",
    ["/hoaks/?q=%00", "/cek-hoaks/%00/", "/api/v1/cases?q=%00", "/api/v1/regions/%00"],
)
def test_nul_in_the_address_is_400_before_any_view(client: Client, world: World, path: str) -> None:
    """PostgreSQL cannot hold NUL in text: these answered 500 there (SQLite let them pass)."""
    headers = {"Authorization": f"Bearer {world.token(world.user_in)}"}
    response = client.get(path, headers=headers)
    assert response.status_code == 400
    assert response.content.decode() == NUL_MESSAGE
    # the same pages without the NUL are fine
    assert client.get(path.replace("%00", "x"), headers=headers).status_code in {200, 404}


@pytest.mark.parametrize("body", [b"null", b"[1, 2, 3]", b'"x"', b"1"])
def test_a_body_that_is_not_a_json_object_is_400_and_creates_nothing(
    client: Client, world: World, body: bytes
) -> None:
    """django-ninja read such a body as {}: POST /patrols with `null` created a patrol with
    every field defaulted and no idempotency key."""
    headers = {"Authorization": f"Bearer {world.token(world.user_in)}"}
    response = client.post(
        "/api/v1/patrols", body, content_type="application/json", headers=headers
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Isi permintaan harus berupa objek JSON."}
    assert not Patrol.objects.exists()


def test_malformed_json_is_400_with_an_indonesian_message(client: Client, world: World) -> None:
    headers = {"Authorization": f"Bearer {world.token(world.user_in)}"}
    for body in (b"{not json", b'{"a": "caf\xff"}'):
        response = client.post(
            "/api/v1/patrols", body, content_type="application/json", headers=headers
        )
        assert response.status_code == 400
        assert response.json() == {"detail": "Isi permintaan bukan JSON yang valid."}
    assert not Patrol.objects.exists()
