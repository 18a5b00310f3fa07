"""Qt widgets: draw state snapshots, report user intents."""
