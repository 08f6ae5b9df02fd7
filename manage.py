#!/usr/bin/env python
"""Django's command-line utility for Polmas (the `polmas` console script does the same)."""

from polmas.cli import main

if __name__ == "__main__":
    main()
