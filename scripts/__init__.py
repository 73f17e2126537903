"""Build-time helpers for Hinge Guide: MkDocs hooks and the modules they share."""
