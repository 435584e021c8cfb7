"""Extraction components, registered by name and run in the order a pipeline lists them.

Each component is a function taking the document's DocContext and adding to it, e.g.
``@component("people")``; the pipeline (parley.pipeline) assembles them from a list of names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parley.extract.context import DocContext

Component = Callable[["DocContext"], None]
COMPONENTS: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    def deco(fn: Component) -> Component:
        COMPONENTS[name] = fn
        return fn

    return deco
