"""departures: departure events from Chinese and English news, with provenance."""

__version__ = "0.1.0"
