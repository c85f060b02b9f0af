"""The documentation page's content, read from the API's own OpenAPI description, so
the page and the description cannot disagree."""

from .v1 import TEXTS, api

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(ref):
    return ref.rsplit("/", 1)[-1]


def _fields(schema, components):
    """[(name, type, description)] of a response's fields, one level deep."""
    if "$ref" in schema:
        schema = components.get(_schema_name(schema["$ref"]), {})
    if schema.get("type") == "array":
        return _fields(schema.get("items", {}), components)
    properties = schema.get("properties", {})
    if {"items", "next"} <= properties.keys():
        return _fields(properties["items"], components)  # a page: its rows' fields
    fields = []
    for name, prop in schema.get("properties", {}).items():
        fields.append((name, _type_words(prop), prop.get("description", "")))
    return fields


def _type_words(prop):
    if "$ref" in prop:
        return _schema_name(prop["$ref"])
    if "anyOf" in prop:
        return " | ".join(_type_words(p) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return f"list of {_type_words(prop.get('items', {}))}"
    kind = prop.get("type", "")
    return f"{kind} ({prop['format']})" if prop.get("format") else kind


def operations():
    """[{method, path, summary, description, tag, token, parameters, fields}] in the
    order of the description."""
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    components = schema.get("components", {}).get("schemas", {})
    found = []
    for path, methods in schema["paths"].items():
        for method in METHODS:
            if method not in methods:
                continue
            operation = methods[method]
            ok = operation.get("responses", {}).get(
                200, operation.get("responses", {}).get("200", {})
            )
            body = ok.get("content", {}).get("application/json", {}).get("schema", {})
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "name": operation.get("operationId", ""),
                    # Translated for the page; the description holds the English.
                    "description": TEXTS.get(operation.get("operationId"), ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "token": bool(operation.get("security")),
                    "parameters": [
                        (
                            p["name"],
                            p.get("in", ""),
                            _type_words(p.get("schema", {})),
                            p.get("description", "") or p.get("schema", {}).get("description", ""),
                        )
                        for p in operation.get("parameters", [])
                    ],
                    "fields": _fields(body, components),
                }
            )
    return found
