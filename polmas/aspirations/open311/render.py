"""Open311 GeoReport v2 serialisation: XML (required by the spec) and JSON (Spark convention)."""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

from django.http import HttpResponse

XML_TYPE = "text/xml; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"

# Element name of one item inside each list container.
ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _build(parent: ET.Element, name: str, value: Any) -> None:
    el = ET.SubElement(parent, name)
    if isinstance(value, dict):
        for k, v in value.items():
            _build(el, k, v)
    elif isinstance(value, list):
        item = ITEM_NAMES.get(name, "item")
        for v in value:
            _build(el, item, v)
    else:
        el.text = _text(value)


def to_xml(root: str, value: Any) -> bytes:
    el = ET.Element(root)
    if isinstance(value, list):
        item = ITEM_NAMES.get(root, "item")
        for v in value:
            _build(el, item, v)
    else:
        for k, v in value.items():
            _build(el, k, v)
    body: bytes = ET.tostring(el, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body


def respond(fmt: str, root: str, value: Any, status: int = 200) -> HttpResponse:
    if fmt == "xml":
        return HttpResponse(to_xml(root, value), content_type=XML_TYPE, status=status)
    return HttpResponse(
        json.dumps(value, ensure_ascii=False), content_type=JSON_TYPE, status=status
    )


def errors(fmt: str, status: int, *descriptions: str) -> HttpResponse:
    body = [{"code": status, "description": d} for d in descriptions]
    return respond(fmt, "errors", body, status=status)
