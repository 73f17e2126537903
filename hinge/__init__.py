"""The Hinge Guide build: a content model, figures, page fixes and post-build steps.

mkdocs.yml lists the four hooks in hinge/hooks/, one per stage; each is a thin
adapter over the modules here, which can be imported and tested without MkDocs
running (`import hinge.content`).
"""
