"""Readers for fact-check files: TurnBackHoax CSV and schema.org ClaimReview JSON-LD.

They turn files into `FactCheckData` rows; `services.factchecks.upsert_factchecks` stores them.
Bad files raise `ImportFileError` with an Indonesian message for the operator.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polmas.core import jsontext
from polmas.hoaxes.matching.text import url_words
from polmas.hoaxes.models import FactCheckSource, Verdict

TBH_COLUMNS = ("url", "classification", "category", "date", "narasi", "penjelasan", "kesimpulan")
_ARTICLE_NO = re.compile(r"/articles/(\d+)")


class ImportFileError(Exception):
    """The file cannot be imported; the message is shown to the operator."""


@dataclass(frozen=True)
class FactCheckData:
    source: str
    external_id: str
    url: str
    title: str
    verdict: str
    claim: str = ""
    explanation: str = ""
    conclusion: str = ""
    category: str = ""
    published_on: dt.date | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "url": self.url[:500],
            "title": self.title[:300],
            "verdict": self.verdict,
            "claim": self.claim,
            "explanation": self.explanation,
            "conclusion": self.conclusion,
            "category": self.category[:60],
            "published_on": self.published_on,
        }


_VERDICT_WORDS: tuple[tuple[str, str], ...] = (
    ("penipuan", Verdict.PENIPUAN),
    ("scam", Verdict.PENIPUAN),
    ("menyesatkan", Verdict.MENYESATKAN),
    ("misleading", Verdict.MENYESATKAN),
    ("sebagian", Verdict.MENYESATKAN),
    ("parodi", Verdict.SATIRE),
    ("satir", Verdict.SATIRE),
    ("komedi", Verdict.SATIRE),
    ("salah", Verdict.SALAH),
    ("hoaks", Verdict.SALAH),
    ("hoax", Verdict.SALAH),
    ("false", Verdict.SALAH),
    ("keliru", Verdict.SALAH),
    ("benar", Verdict.BENAR),
    ("true", Verdict.BENAR),
    ("fakta", Verdict.BENAR),
)


def verdict_from_label(label: str) -> str:
    """'SALAH', 'Penipuan', 'Misleading', 'SATIRE/SATIR' ... -> a `Verdict` value."""
    low = label.strip().lower()
    for word, verdict in _VERDICT_WORDS:
        if word in low:
            return str(verdict)
    return str(Verdict.LAINNYA)


def title_from_url(url: str) -> str:
    """The headline carried by a TurnBackHoax slug, capitalised ('Gunung lawu bakal ...')."""
    words = url_words(url).strip()
    return words[:1].upper() + words[1:]


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def read_turnbackhoax_csv(path: Path) -> Iterator[FactCheckData]:
    if not path.is_file():
        raise ImportFileError(f"berkas tidak ditemukan: {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            yield from _turnbackhoax_rows(path, reader)
        except UnicodeDecodeError as exc:  # read in blocks: no reliable line number
            raise ImportFileError(f"{path}: bukan teks UTF-8; simpan berkas sebagai UTF-8") from exc
        except csv.Error as exc:  # raised while reading the record after the last complete one
            raise ImportFileError(
                f"{path} baris {reader.line_num + 1}: CSV tidak valid ({exc})"
            ) from exc


def _turnbackhoax_rows(path: Path, reader: csv.DictReader[str]) -> Iterator[FactCheckData]:
    missing = [c for c in TBH_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFileError(f"{path}: kolom tidak ada: {', '.join(missing)}")
    for number, raw_row in enumerate(reader, start=2):
        # NUL (PostgreSQL cannot store it) and lone surrogates become U+FFFD
        row: dict[str, str] = jsontext.storable(raw_row)
        url = (row.get("url") or "").strip()
        if not url:
            raise ImportFileError(f"{path} baris {number}: kolom url kosong")
        match = _ARTICLE_NO.search(url)
        title = title_from_url(url)
        if not title:
            raise ImportFileError(f"{path} baris {number}: judul tidak dapat dibaca dari url")
        yield FactCheckData(
            source=FactCheckSource.TURNBACKHOAX,
            external_id=match.group(1) if match else url[:255],
            url=url,
            title=title,
            verdict=verdict_from_label(row.get("classification") or ""),
            claim=(row.get("narasi") or "").strip(),
            explanation=(row.get("penjelasan") or "").strip(),
            conclusion=(row.get("kesimpulan") or "").strip(),
            category=(row.get("category") or "").strip(),
            published_on=_parse_date(row.get("date") or ""),
        )


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or "")
    if isinstance(value, list) and value:
        return _text(value[0])
    return ""


def _is_claim_review(obj: Any) -> bool:
    if not isinstance(obj, dict):
        return False
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "ClaimReview" in kinds


def _walk(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, list):
        for item in obj:
            yield from _walk(item)
    elif isinstance(obj, dict):
        if _is_claim_review(obj):
            yield obj
        elif "@graph" in obj:
            yield from _walk(obj["@graph"])


def read_claimreview_json(path: Path) -> Iterator[FactCheckData]:
    """A JSON-LD file holding one ClaimReview, a list of them, or an @graph."""
    if not path.is_file():
        raise ImportFileError(f"berkas tidak ditemukan: {path}")
    try:
        # jsontext: NUL and lone surrogates become U+FFFD; NaN, huge integers and deep nesting
        # are ValueError, as malformed JSON and bad UTF-8 are
        data = jsontext.loads(path.read_text(encoding="utf-8-sig"))
        reviews = list(_walk(data))
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(f"{path}: JSON tidak valid ({exc})") from exc
    if not reviews:
        raise ImportFileError(f"{path}: tidak ada objek ClaimReview")
    for number, review in enumerate(reviews, start=1):
        url = _text(review.get("url"))
        external_id = _text(review.get("@id")) or url
        claim = _text(review.get("claimReviewed"))
        title = _text(review.get("headline")) or _text(review.get("name")) or claim
        if not external_id or not title:
            raise ImportFileError(
                f"{path}: ClaimReview ke-{number} tidak punya url/@id atau judul/claimReviewed"
            )
        rating = review.get("reviewRating") or {}
        label = _text(rating.get("alternateName")) if isinstance(rating, dict) else ""
        body = _text(review.get("reviewBody"))
        description = _text(review.get("description"))
        yield FactCheckData(
            source=FactCheckSource.CLAIMREVIEW,
            external_id=external_id[:255],
            url=url,
            title=title,
            verdict=verdict_from_label(label),
            claim=claim,
            explanation=body or description,
            conclusion=(label + (": " + description if body and description else "")).strip(),
            category=_text(review.get("genre")) or _text(review.get("keywords")),
            published_on=_parse_date(_text(review.get("datePublished"))),
        )
