"""Hoaxes: the fact-check base, residents' hoax reports, claim matching and rumour waves."""
