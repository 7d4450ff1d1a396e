"""/<lang>/open-data/: the datasets page (#17)."""

app_name = "opendata"
urlpatterns: list = []
