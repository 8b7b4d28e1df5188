"""URL modules, one per audience, each with its views in `plans/views/` under the same name.
portal/urls.py mounts them; `public` last, because a district slug is a catch-all first segment."""
