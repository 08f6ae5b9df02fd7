"""Insights: the situational picture for commanders: command map, kondusif index, alerts,
charts and election mode. Reads the domain apps through their selectors; owns only roll-ups,
alerts and elections."""
