"""Beacon ITSM desktop application: incidents (장애) and problems (문제)."""

from importlib import metadata

try:
    __version__ = metadata.version("beacon-itsm")
except metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"
