"""Humas: press releases drafted from recorded activity, the public news page, feeds."""
