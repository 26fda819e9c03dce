"""The web app: one page with a map of the corpus, and a JSON API (OpenAPI at /docs).

`create_app(db_path)` builds it; `frontlines serve` runs it with uvicorn.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontlines.errors import FrontlinesError, InputError
from frontlines.store.export import events_geojson, to_acled_csv
from frontlines.store import filters
from frontlines.store.filters import country_code
from frontlines.store.queries import EventFilter, fused_events
from frontlines.web import views
from frontlines.web.corpus import Corpus, DatabaseBusy, NoDatabase, how_to_ingest
from frontlines.web.guard import Access, HostCheck, check_write
from frontlines.web.limits import MAX_ARTICLE_BYTES, BodyLimit

STATIC = Path(__file__).parent / "static"
MAX_OFFSET = 2**53 - 1  # the largest integer JSON readers (JavaScript) hold exactly; DuckDB's BIGINT overflows later


class Article(BaseModel):
    """An article pasted or uploaded in the page."""

    text: str = Field(description="The article: plain text, or an HTML page")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD, for texts that give none")
    kind: Literal["txt", "html"] | None = Field(None, description="txt or html; guessed when left out")


def create_app(db_path: str | Path, tiles: str | None = None, access: Access | None = None) -> FastAPI:
    """The FastAPI app over the database at `db_path` (which need not exist yet).
    `tiles` is an optional raster tile URL template (`https://.../{z}/{x}/{y}.png`); `access` says
    where the server listens, its write token and the names it answers to (default: this machine
    only, writes open to it)."""
    access = access or Access()
    corpus = Corpus(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        corpus.close()  # the store kept open between requests

    app = FastAPI(title="Frontlines", version="1", summary="Events and territorial control from conflict news.",
                  description="Every answer is JSON; errors are `{\"message\": ...}` with the HTTP status.",
                  docs_url=None, redoc_url=None, lifespan=lifespan)  # /docs is served from a package, not a CDN
    app.add_middleware(BodyLimit, limit=MAX_ARTICLE_BYTES)
    app.add_middleware(HostCheck, access=access)  # added last, so it runs first
    add_error_handlers(app)
    add_pages(app, tiles)
    add_reading_routes(app, corpus, tiles, access)
    add_article_routes(app, corpus, access)
    return app


def error(status: int, message: str, **extra) -> JSONResponse:
    """The one error shape: `{"message": ...}` with the status."""
    return JSONResponse({"message": message, **extra}, status_code=status)


def add_error_handlers(app: FastAPI) -> None:
    """Errors become JSON with a message and the right status, never a traceback."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"{request.url.path}: no such page or API route; the API is listed at /docs"
        response = error(exc.status_code, message)
        response.headers.update(exc.headers or {})  # WWW-Authenticate on a 401
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = [f'{".".join(str(p) for p in e["loc"][1:]) or "body"}: {e["msg"]}' for e in exc.errors()]
        return error(422, "; ".join(problems) or "the request is malformed")

    @app.exception_handler(NoDatabase)
    async def no_database(request: Request, exc: NoDatabase):
        return error(404, str(exc), database=None)

    @app.exception_handler(DatabaseBusy)
    async def busy(request: Request, exc: DatabaseBusy):
        return JSONResponse({"message": str(exc)}, status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(FrontlinesError)
    async def user_error(request: Request, exc: FrontlinesError):
        return error(400, str(exc))

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception):
        return error(500, f"internal error ({type(exc).__name__}); this is a bug in frontlines, please report it")


def add_pages(app: FastAPI, tiles: str | None) -> None:
    """The page and its static files (ours, and Leaflet's from the xstatic packages)."""
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    policy = content_security_policy(tiles)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": policy,
                                                             "X-Content-Type-Options": "nosniff"})

    # StaticFiles refuses paths that leave its folder: /static/../../etc/passwd is a 404.
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/vendor/markercluster", StaticFiles(directory=markercluster.BASE_DIR), name="markercluster")
    add_api_docs(app)


def add_api_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the swagger-ui-py package (Swagger UI 5, which reads the OpenAPI 3.1
    document FastAPI writes), served from this server so that the API's page works offline."""
    from fastapi.openapi.docs import get_swagger_ui_html

    app.mount("/vendor/swagger-ui", StaticFiles(directory=swagger_ui_folder()), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Frontlines API",
                                   swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/vendor/swagger-ui/favicon-32x32.png")


def swagger_ui_folder() -> Path:
    """The static files of the swagger-ui-py package, found without importing it (its package
    imports handlers for other web frameworks)."""
    from importlib.util import find_spec

    spec = find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the swagger-ui-py package is missing; reinstall frontlines (pip install -e .)")
    return Path(list(spec.submodule_search_locations)[0]) / "static"


def content_security_policy(tiles: str | None) -> str:
    """Scripts only from this server: a second guard behind building the page with text nodes."""
    images = "'self' data:" + (" https: http:" if tiles else "")
    return (f"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src {images}; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def check_day(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD query value, or a 422 that names the parameter."""
    if value is None or value == "":
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise HTTPException(422, f"{name}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2017-11-03")


def check_published(value: str | None) -> str | None:
    """A publication date: a real day from 1900 to today, or a 422."""
    from frontlines.read.article import valid_iso

    day = check_day(value, "published")
    if day is not None and not valid_iso(day):
        raise HTTPException(422, f"published: {value!r} is not a publication date; give a day from 1900 to today")
    return day


def check_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """`min_lon,min_lat,max_lon,max_lat`, or a 422 that shows the form."""
    if not value:
        return None
    try:
        box = tuple(float(v) for v in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or not (-180 <= box[0] <= box[2] <= 180 and -90 <= box[1] <= box[3] <= 90):
        raise HTTPException(422, f"bbox: {value!r} is not a box; write min_lon,min_lat,max_lon,max_lat, "
                                 "e.g. 35,32,43,38")
    return box


def event_filter(start, end, country, event_type, actor, q, bbox) -> EventFilter:
    """The filters of /api/events and /api/export, checked; they take the words the CLI takes."""
    return EventFilter(check_day(start, "start"), check_day(end, "end"), check_filter(country_code, country, "country"),
                       check_filter(filters.event_type, event_type, "event_type"), actor or None, q or None,
                       check_bbox(bbox))


def check_filter(normalise, value: str | None, name: str) -> str | None:
    """A filter parameter as the store holds it (as the CLI's option takes it), or a 422 naming it."""
    try:
        return normalise(value) if value else None
    except FrontlinesError as exc:
        raise HTTPException(422, f"{name}: {exc}") from None


FILTER_DOCS = {
    "start": Query(None, description="First day, YYYY-MM-DD"),
    "end": Query(None, description="Last day, YYYY-MM-DD"),
    "country": Query(None, description="ISO 3166-1 alpha-2 code or English name, e.g. SY or Syria"),
    "event_type": Query(None, description="An ACLED event type in any case, e.g. Battles"),
    "actor": Query(None, description="Part of an actor's name"),
    "q": Query(None, description="Words in the evidence or the place name"),
    "bbox": Query(None, description="min_lon,min_lat,max_lon,max_lat"),
}


def add_reading_routes(app: FastAPI, corpus: Corpus, tiles: str | None, access: Access) -> None:
    """The read-only API over the corpus."""

    @app.get("/api/config", summary="What the page needs to start: tiles, and whether there is a database")
    def config() -> dict:
        return {"tiles": tiles, "database": str(corpus.path), "exists": corpus.exists(),
                "how_to_ingest": None if corpus.exists() else how_to_ingest(corpus.path),
                "max_article_bytes": MAX_ARTICLE_BYTES, "writes": access.writes}

    @app.get("/api/stats", summary="Counts, the date range, the days something changed, filter choices")
    def stats() -> dict:
        with corpus.reading() as store:
            return views.stats(store)

    @app.get("/api/events", summary="Events (fused across sources) as a GeoJSON FeatureCollection, paged")
    def events(start: str | None = FILTER_DOCS["start"], end: str | None = FILTER_DOCS["end"],
               country: str | None = FILTER_DOCS["country"], event_type: str | None = FILTER_DOCS["event_type"],
               actor: str | None = FILTER_DOCS["actor"], q: str | None = FILTER_DOCS["q"],
               bbox: str | None = FILTER_DOCS["bbox"], limit: int = Query(500, ge=1, le=5000),
               offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict:
        where = event_filter(start, end, country, event_type, actor, q, bbox)
        with corpus.reading() as store:
            page = views.events_page(store, where, limit, offset)
        # plain JSON already: FastAPI's encoder would walk it again (90 ms for 500 events)
        return JSONResponse(page)

    @app.get("/api/density", summary="How many events match in each cell of a grid fitting the zoom: GeoJSON "
                                      "points with a count, for the map's density when more match than a page holds")
    def density(zoom: float = Query(2, ge=0, le=22, description="The map's zoom level: cells of about 40 pixels"),
                start: str | None = FILTER_DOCS["start"], end: str | None = FILTER_DOCS["end"],
                country: str | None = FILTER_DOCS["country"], event_type: str | None = FILTER_DOCS["event_type"],
                actor: str | None = FILTER_DOCS["actor"], q: str | None = FILTER_DOCS["q"],
                bbox: str | None = FILTER_DOCS["bbox"]) -> dict:
        where = event_filter(start, end, country, event_type, actor, q, bbox)
        with corpus.reading() as store:
            return views.density_collection(store, where, zoom)

    @app.get("/api/events/{document}/{event_id}", summary="The fused event that one document's event is part of")
    def event(document: str, event_id: str) -> dict:
        with corpus.reading() as store:
            found = views.event_by_source(store, document, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r} in document {document!r}")
        return found

    @app.get("/api/export", summary="The filtered events as ACLED CSV or GeoJSON, to download")
    def export(format: Literal["csv", "geojson"] = Query("csv"), start: str | None = FILTER_DOCS["start"],
               end: str | None = FILTER_DOCS["end"], country: str | None = FILTER_DOCS["country"],
               event_type: str | None = FILTER_DOCS["event_type"], actor: str | None = FILTER_DOCS["actor"],
               q: str | None = FILTER_DOCS["q"], bbox: str | None = FILTER_DOCS["bbox"]) -> Response:
        where = event_filter(start, end, country, event_type, actor, q, bbox)
        with corpus.reading() as store:
            found = fused_events(store, where)
        body, media = (to_acled_csv(found), "text/csv") if format == "csv" else \
            (events_geojson(found), "application/geo+json")
        name = f"frontlines-events.{format}"
        return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/api/control", summary="Who held each place on a day, as a GeoJSON FeatureCollection")
    def control(as_of: str | None = Query(None, description="The day, YYYY-MM-DD; today when left out"),
                country: str | None = FILTER_DOCS["country"]) -> Response:
        day = views.day_or_today(check_day(as_of, "as_of"))
        code = check_filter(country_code, country, "country")
        with corpus.reading() as store:
            return Response(views.control_collection(store, day, code), media_type="application/json")

    @app.get("/api/places/{place_id}", summary="A place: its control timeline and its events")
    def place(place_id: str) -> dict:
        with corpus.reading() as store:
            found = views.place_view(store, place_id)
        if found is None:
            raise HTTPException(404, f"no place {place_id!r} in the corpus; place ids are GeoNames ids, "
                                     "or @ and the name for sites")
        return found

    @app.get("/api/documents/{document}", summary="An article: its text and the highlights over it")
    def document(document: str) -> dict:
        with corpus.reading() as store:
            found = views.document_view(store, document)
        if found is None:
            raise HTTPException(404, f"no document {document!r} in the corpus")
        return found

    @app.get("/api/labels", summary="Place labels for the base map: the corpus's places and big cities")
    def labels() -> dict:
        if not corpus.exists():
            return views.labels(None)
        with corpus.reading() as store:
            return views.labels(store)


def add_article_routes(app: FastAPI, corpus: Corpus, access: Access) -> None:
    """Articles from the page: extracted at once, ingested only when asked."""
    limit = {413: {"description": f"The article is larger than {MAX_ARTICLE_BYTES} bytes"}}

    @app.post("/api/extract", summary="Extract one article: the report v1 JSON, with its text and highlights",
              responses=limit)
    async def extract(article: Article) -> dict:
        report = await run_in_threadpool(analyse_article, article)
        return with_highlights(report)

    @app.post("/api/ingest", summary="Extract one article and add it to the database (opened read-write "
                                     "for this only); off this machine, with the write token as "
                                     "'Authorization: Bearer TOKEN'", responses=limit)
    async def ingest(article: Article, request: Request) -> dict:
        check_write(request, access)
        report = await run_in_threadpool(analyse_article, article)
        with corpus.writing() as store:
            outcome = store.add(report)
            counts = store.counts()
        return {"outcome": outcome, "document": report.document.id, "counts": counts}


def analyse_article(article: Article):
    """The report of a pasted article, or a 422 that says what is wrong with it."""
    from frontlines.pipeline import extract

    published = check_published(article.published)
    try:
        check_language(article)
        return extract(article.text, published=published, kind=article.kind)
    except InputError as exc:
        raise HTTPException(422, f"text: {str(exc).split(': ', 1)[-1]}") from None


def check_language(article: Article) -> None:
    """Refuse, as `frontlines extract` does, an article that is not in English."""
    from frontlines.model import Document
    from frontlines.read import read_text, screen

    for doc in read_text(article.text, "<text>", None, article.kind):
        found = screen(doc, None) if isinstance(doc, Document) else doc
        if isinstance(found, InputError):
            raise found


def with_highlights(report) -> dict:
    """Report v1, plus the document text and the highlights the page draws over it."""
    from frontlines.web.spans import document_spans

    data = report.to_dict()
    text = report.document.text
    return {**data, "text": text, "spans": document_spans(data, text, report.document.published)}
