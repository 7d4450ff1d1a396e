"""/api/v1/: the read-only open-data API (#17)."""

app_name = "api"
urlpatterns: list = []
