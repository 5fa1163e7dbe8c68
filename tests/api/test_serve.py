"""`warlog serve` builds the app with the asked settings and hands it to uvicorn."""

from __future__ import annotations

import uvicorn
from typer.testing import CliRunner

from warlog.cli import app


def test_serve_passes_host_port_and_read_mode(monkeypatch, tmp_path):
    seen = {}

    def fake_run(application, host, port):
        seen.update(host=host, port=port, read_auth=application.state.settings.read_auth)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    args = ["serve", "--port", "8123", "--read-auth", "token", "--db", f"sqlite:///{tmp_path / 'w.db'}"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert seen == {"host": "127.0.0.1", "port": 8123, "read_auth": "token"}


def test_serve_with_a_bad_read_mode_exits_2(tmp_path):
    result = CliRunner().invoke(
        app, ["serve", "--read-auth", "open", "--db", f"sqlite:///{tmp_path / 'w.db'}"]
    )
    assert result.exit_code == 2
