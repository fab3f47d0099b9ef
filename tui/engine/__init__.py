"""The reader's engine: watching, ingest, timeline, query and alerts.

Nothing here imports Textual or Rich; the UI talks to it through plain calls and
the events it yields.
"""
