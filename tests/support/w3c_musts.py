"""The W3C Web Annotation test suite's "must" assertions (JSON Schemas), run on an annotation.

The schemas are the suite's own files, kept in tests/fixtures/real/w3c-tests (see the README there).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SUITE = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "w3c-tests"


@lru_cache(maxsize=1)
def _validators() -> list[tuple[str, Any]]:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    resources = []
    for path in sorted((SUITE / "definitions").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(schema, default_specification=DRAFT4)))
    registry = Registry().with_resources(resources)
    musts = json.loads((SUITE / "annotations" / "annotationMusts.test").read_text(encoding="utf-8"))
    out = []
    for name in musts["assertions"]:
        schema = json.loads((SUITE / name).read_text(encoding="utf-8"))
        schema.pop("id", None)  # resolve the definitions' relative names against the registry
        out.append((Path(name).stem, jsonschema.Draft4Validator(schema, registry=registry)))
    return out


def failed_musts(annotation: dict[str, Any]) -> list[str]:
    """The names of the suite's "must" assertions ``annotation`` fails (empty when it passes them all)."""
    return [name for name, validator in _validators() if not validator.is_valid(annotation)]
