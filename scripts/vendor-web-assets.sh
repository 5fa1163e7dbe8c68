#!/usr/bin/env bash
# Refresh the web UI's vendored JavaScript/CSS/TopoJSON from the npm registry, at pinned versions.
# Why vendored: the map must work with no network (no CDN, no tile server), so the assets ship inside
# the Python package under warlog/web/static/vendor/, each with its LICENSE. Only the built files the
# pages load are kept (no source maps, no sources) to keep the wheel small.
# Usage: scripts/vendor-web-assets.sh        (needs npm; rewrites warlog/web/static/vendor/)
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=warlog/web/static/vendor
LEAFLET=1.9.4
MARKERCLUSTER=1.5.3
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0
UPLOT=1.6.32
SWAGGER_UI=5.35.0  # the API's /docs page

WORK="$(mktemp -d /tmp/warlog-vendor.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

fetch() {  # fetch NAME VERSION -> unpacks the npm tarball into $WORK/NAME
  local name="$1" version="$2"
  (cd "$WORK" && npm pack --silent "$name@$version" >/dev/null 2>&1)
  mkdir -p "$WORK/$name"
  tar -xzf "$WORK"/"${name//\//-}"-"$version".tgz -C "$WORK/$name" --strip-components=1
}

fetch leaflet "$LEAFLET"
fetch leaflet.markercluster "$MARKERCLUSTER"
fetch world-atlas "$WORLD_ATLAS"
fetch topojson-client "$TOPOJSON_CLIENT"
fetch uplot "$UPLOT"
fetch swagger-ui-dist "$SWAGGER_UI"

rm -rf "$DEST"
mkdir -p "$DEST"/leaflet/images "$DEST"/leaflet.markercluster "$DEST"/world-atlas "$DEST"/topojson-client "$DEST"/uplot \
  "$DEST"/swagger-ui-dist

cp "$WORK"/leaflet/dist/leaflet.js "$WORK"/leaflet/dist/leaflet.css "$WORK"/leaflet/LICENSE "$DEST"/leaflet/
cp "$WORK"/leaflet/dist/images/*.png "$DEST"/leaflet/images/
cp "$WORK"/leaflet.markercluster/dist/leaflet.markercluster.js \
   "$WORK"/leaflet.markercluster/dist/MarkerCluster.css \
   "$WORK"/leaflet.markercluster/dist/MarkerCluster.Default.css "$DEST"/leaflet.markercluster/
cp "$WORK"/leaflet.markercluster/MIT-LICENCE.txt "$DEST"/leaflet.markercluster/LICENSE
cp "$WORK"/world-atlas/countries-50m.json "$WORK"/world-atlas/LICENSE "$DEST"/world-atlas/
cp "$WORK"/topojson-client/dist/topojson-client.min.js "$WORK"/topojson-client/LICENSE "$DEST"/topojson-client/
cp "$WORK"/uplot/dist/uPlot.iife.min.js "$WORK"/uplot/dist/uPlot.min.css "$WORK"/uplot/LICENSE "$DEST"/uplot/
cp "$WORK"/swagger-ui-dist/swagger-ui-bundle.js "$WORK"/swagger-ui-dist/swagger-ui.css "$WORK"/swagger-ui-dist/LICENSE \
   "$WORK"/swagger-ui-dist/NOTICE "$DEST"/swagger-ui-dist/

chmod -R a-x,u+w,a+rX "$DEST"  # npm tarballs carry stray executable bits
# Source-map comments would make browsers request missing files: strip them.
find "$DEST" -name '*.js' -exec sed -i -e '/^\/\/# sourceMappingURL=/d' {} +
find "$DEST" -name '*.css' -exec sed -i -e 's#/\*\# sourceMappingURL=[^*]*\*/##' {} +

cat > "$DEST"/VERSIONS <<VERS
leaflet $LEAFLET
leaflet.markercluster $MARKERCLUSTER
world-atlas $WORLD_ATLAS (countries-50m.json, Natural Earth, public domain)
topojson-client $TOPOJSON_CLIENT
uplot $UPLOT
swagger-ui-dist $SWAGGER_UI
VERS
echo "vendored into $DEST:"
du -sh "$DEST"
