from django.core.files.storage import Storage, storages
from whitenoise.storage import CompressedManifestStaticFilesStorage


def private_storage() -> Storage:
    """Uploads (receipts, meeting papers, pictures for the public site) live outside the
    public media folder; a view decides who may open each one."""
    return storages["private"]


class StaticStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]  # untyped base
    """Hashed, compressed static files; rewrites `import` paths in our ES modules
    so app.mjs finds the hashed govuk-frontend module."""

    support_js_module_import_aggregation = True
    # Unused source maps and font references inside node packages should not stop a build.
    manifest_strict = False
