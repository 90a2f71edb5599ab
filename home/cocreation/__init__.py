"""Co-creation demo content (runs after every content app's demo; see home.demo)."""
