"""backbreak: stand up every hour and do one stretch or posture check."""

__version__ = "0.1.0"
APP_NAME = "backbreak"
