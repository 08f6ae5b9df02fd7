from __future__ import annotations

import pytest

from polmas.aspirations import neighbours, selectors, services, similarity
from polmas.org.models import Region
from polmas.org.testing import World

pytestmark = pytest.mark.django_db


def test_similarity_ignores_filler_words_and_order() -> None:
    a = "Ada balap liar setiap malam minggu di jalan desa"
    b = "tolong pak, setiap malam minggu balap liar di jalan"
    assert similarity.score(a, b) > 70
    assert similarity.score(a, "Pencurian sapi di kandang warga") < 50
    assert similarity.score("", a) == 0.0


def test_adjacency_from_polygons_is_symmetric_and_local() -> None:
    def square(x: int, y: int) -> dict[str, object]:
        ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
        return {"type": "Polygon", "coordinates": [ring]}

    adj = neighbours.compute_adjacency(
        [("a", square(0, 0)), ("b", square(1, 0)), ("c", square(5, 5))]
    )
    assert adj["a"] == {"b"} and adj["b"] == {"a"} and adj["c"] == frozenset()


def test_real_desa_have_neighbours(world: World) -> None:
    neighbours.reset_cache()
    n = neighbours.neighbours(world.desa_in.code)
    assert n and world.desa_in.code not in n
    assert all(world.desa_in.code in neighbours.neighbours(c) for c in n)


def test_similar_open_case_in_neighbouring_desa_is_suggested(world: World) -> None:
    neighbours.reset_cache()
    next_door = sorted(neighbours.neighbours(world.desa_in.code))[0]
    far = (
        Region.objects.filter(level="desa")
        .exclude(code__in=[world.desa_in.code, *neighbours.neighbours(world.desa_in.code)])
        .filter(parent_id=world.desa_in.parent_id)
        .first()
    )
    text = "Ada balap liar setiap malam minggu di jalan desa"
    first = services.create_case(
        actor=None, description=text, desa_code=next_door, category_code="lalu_lintas"
    )
    unrelated = services.create_case(
        actor=None,
        description="Pencurian sapi di kandang",
        desa_code=next_door,
        category_code="kriminalitas",
    )
    new = services.create_case(
        actor=None,
        description="balap liar tiap malam minggu di jalan",
        desa_code=world.desa_in.code,
        category_code="lalu_lintas",
    )
    found = [c.pk for c, _ in selectors.duplicate_candidates(world.user_polres, new)]
    assert first.pk in found and unrelated.pk not in found
    if far is not None:
        elsewhere = services.create_case(
            actor=None, description=text, desa_code=far.code, category_code="lalu_lintas"
        )
        found = [c.pk for c, _ in selectors.duplicate_candidates(world.user_polres, new)]
        assert elsewhere.pk not in found
