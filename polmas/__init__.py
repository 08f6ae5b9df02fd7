"""Polmas: community policing (pemolisian masyarakat) platform."""
