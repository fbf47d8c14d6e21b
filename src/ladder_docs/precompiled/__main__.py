"""`python -m ladder_docs.precompiled [DIR]`: regenerate the precompiled built-in templates."""

from .generate import main

raise SystemExit(main())
