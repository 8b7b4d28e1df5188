"""Read an HTML form the way a browser submits it, so tests post what a user would."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self._select = None
        self._textarea = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = attributes.get("name")
        if tag == "input" and name and "disabled" not in attributes:
            kind = attributes.get("type", "text")
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self._add(name, attributes.get("value", "on"))
                return
            self._add(name, attributes.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {
                "name": name,
                "selected": [],
                "first": None,
                "multiple": "multiple" in attributes,
            }
        elif tag == "option" and self._select is not None:
            value = attributes.get("value")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attributes:
                self._select["selected"].append(value)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            self._add(name, value.removeprefix("\n"))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            select = self._select
            values = select["selected"]
            if not values and not select["multiple"] and select["first"] is not None:
                values = [select["first"]]
            for value in values:
                self._add(select["name"], value or "")
            self._select = None


def read_form(html: str, form_id: str) -> dict[str, list[str]]:
    """The fields of the form `form_id` with the values a browser would submit."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.data


def admin_form(response) -> dict[str, list[str]]:
    """The data of an admin change form as rendered, without the hidden empty inline rows."""
    model_name = response.context["opts"].model_name
    data = read_form(response.text, f"{model_name}_form")
    return {name: values for name, values in data.items() if "__prefix__" not in name}


def single(data: dict[str, list[str]], **values) -> dict[str, list[str]]:
    """A copy of `data` with some fields set to one value each."""
    return {**data, **{name: [str(value)] for name, value in values.items()}}
