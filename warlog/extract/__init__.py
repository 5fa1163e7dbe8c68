"""Per-document extraction: spaCy components, one per field, and the incident assembler.

``warlog.extract`` is both this package and the library's entry point: calling it runs
``warlog.extract.pipeline.extract``. A plain function of that name in ``warlog/__init__.py`` would shadow the
package, so that ``import warlog.extract.events`` fails; making the package module callable keeps both
``warlog.extract(text, published=...)`` and ``from warlog.extract.events import ...`` working.
"""

from __future__ import annotations

import sys
import types
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warlog.schema import Extraction


class _CallableModule(types.ModuleType):
    def __call__(
        self,
        text: str,
        *,
        published: str | datetime | None = None,
        source: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> Extraction:
        """Extract the incidents one text reports (see ``warlog.extract.pipeline.extract``)."""
        from warlog.extract.pipeline import extract

        return extract(text, published=published, source=source, url=url, title=title)


sys.modules[__name__].__class__ = _CallableModule
