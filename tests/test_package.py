"""The build is one importable package: every module imports by its dotted name
from the project root, with no MkDocs build running, so each can be unit-tested."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

from conftest import ROOT

MODULES = sorted(
    ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    for path in (ROOT / "hinge").rglob("*.py")
)
HOOKS = [name for name in MODULES if name.startswith("hinge.hooks.") ]


@pytest.mark.parametrize("name", MODULES)
def test_every_build_module_imports_by_its_dotted_name(name):
    importlib.import_module(name)


def test_mkdocs_lists_the_four_stage_hooks_and_nothing_else():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = [line.split("-", 1)[1].split("#")[0].strip() for line in config.split("hooks:", 1)[1].split("\n\n", 1)[0].splitlines()
              if line.strip().startswith("- ")]
    assert len(listed) <= 4, f"mkdocs.yml lists {len(listed)} hooks; the build has four stages"
    assert sorted(listed) == sorted(f"{name.replace('.', '/')}.py" for name in HOOKS if name != "hinge.hooks")


@pytest.mark.parametrize("name", [name for name in HOOKS if name != "hinge.hooks"])
def test_hook_functions_are_typed(name):
    module = importlib.import_module(name)
    for function_name, function in inspect.getmembers(module, inspect.isfunction):
        if function_name.startswith("on_"):
            signature = inspect.signature(function)
            untyped = [p for p in signature.parameters.values() if p.annotation is inspect.Parameter.empty]
            assert not untyped and signature.return_annotation is not inspect.Signature.empty, \
                f"{name}.{function_name} needs type hints on every parameter and its return"
