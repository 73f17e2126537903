"""The four MkDocs hooks, one per build stage, in the order mkdocs.yml lists them."""
