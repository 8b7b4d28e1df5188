"""Static files storage for the benchmark: production's, minus JavaScript source-map references.

The vendored static/vendor/bootstrap/bootstrap.bundle.min.js ends with a sourceMappingURL comment
whose .map file is not vendored, so production's `collectstatic` stops with "could not be found".
Until the map file is vendored (or the comment removed), the benchmark leaves JS source-map
comments as they are; no page the benchmark measures depends on them.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class BenchStaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = tuple(
        (glob, patterns)
        for glob, patterns in CompressedManifestStaticFilesStorage.patterns
        if glob != "*.js"
    )
