"""Social cards: the picture a campaign, story, event or resource is shared with, drawn
from its title in its own language (``drawing``), kept in media storage and served at one
address per page (``store``), unless the editor chose a share image."""
