"""``/api/documents``: read one stored document; post a new one (token) to extract and merge it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request, Response

from warlog.api.deps import get_store, reader, writer
from warlog.api.models import DocumentIn, DocumentOut, IngestOut
from warlog.api.responses import ERRORS, WRITE_ERRORS
from warlog.store.queries import document_detail
from warlog.store.repo import Store

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/documents/{document_id}", response_model=DocumentOut, responses=ERRORS,
            dependencies=[Depends(reader)], summary="One stored document with its text")
def document(
    document_id: str = Path(..., max_length=64), store: Store = Depends(get_store)
) -> dict:
    """The text every evidence span indexes into, and the keys of the reports read from it."""
    return document_detail(store, document_id)


@router.post("/documents", response_model=IngestOut, status_code=201,
             responses={**WRITE_ERRORS, 200: {"model": IngestOut, "description": "Already stored: a no-op"}},
             summary="Ingest a document (token)")
def post_document(body: DocumentIn, request: Request, response: Response, _: str = Depends(writer)) -> dict:
    """Extract, store and resolve one text. Re-posting the same text is a no-op (``added`` false, 200)."""
    result = request.app.state.ingestor.ingest(
        body.text, published=body.published, source=body.source, url=body.url, title=body.title
    )
    if not result.added:
        response.status_code = 200
    return vars(result)
