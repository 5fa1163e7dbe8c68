"""Property-based requests generated from the OpenAPI spec: no route answers with a server error (5xx).

Bounded and deterministic: a few examples per operation, a fixed derandomized seed, a synthetic database
(no statistical model: posted documents go through a blank spaCy pipeline, which still runs the input
checks), and a valid token so the write routes are exercised past authentication.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
import spacy
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tests.api.conftest import seed_synthetic
from warlog.api.app import create_app
from warlog.api.settings import ApiSettings
from warlog.extract.pipeline import Extractor
from warlog.store.tokens import create_token

_TMP = tempfile.mkdtemp(prefix="warlog-schemathesis-")
atexit.register(shutil.rmtree, _TMP, True)
_DB = Path(_TMP) / "warlog.db"
app = create_app(
    f"sqlite:///{_DB}",
    ApiSettings(max_body_bytes=64 * 1024),
    extractor=lambda: Extractor(spacy.blank("en"), language="en"),
)
seed_synthetic(app.state.store)
TOKEN = create_token(app.state.store, "schemathesis")

schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=12, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_route_answers_with_a_server_error(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=[not_a_server_error])
