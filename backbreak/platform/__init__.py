"""Adapters around the core: files, OS services, Qt-side scheduling."""
