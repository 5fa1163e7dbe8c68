"""Every CLI command is documented in the README, and the public API is exactly ``warlog.__all__``."""

from __future__ import annotations

from pathlib import Path

import typer.main

import warlog
from warlog.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[str]:
    click_app = typer.main.get_command(app)
    paths = []
    for name, command in click_app.commands.items():
        subcommands = getattr(command, "commands", None)
        if subcommands:
            paths.extend(f"{name} {sub}" for sub in subcommands)
        else:
            paths.append(name)
    return sorted(paths)


def test_every_command_is_in_the_readme():
    missing = [p for p in command_paths() if f"warlog {p}" not in README]
    assert not missing, f"document these commands in README.md: {missing}"


def test_exported_members_are_all_public_and_exist():
    for name in warlog.__all__:
        assert hasattr(warlog, name), name
    public = {n for n in vars(warlog) if not n.startswith("_") and n not in {"annotations"}}
    modules = {n for n in public if type(getattr(warlog, n)).__name__ == "module"}
    assert public - modules - set(warlog.__all__) == set()


def test_extract_is_both_the_entry_point_and_the_package():
    import warlog.extract.events as events  # would fail if a function shadowed the package

    assert callable(warlog.extract)
    assert events.classify_text is not None
    assert warlog.extract("Talks resumed in Geneva.", published="2022-07-04").incidents == []
