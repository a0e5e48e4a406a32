"""Pure importers and exporters. Never imports textual."""
