"""KT-XH screens: work lists, the entry grid and review, analysis and exports."""
