queue --arrival 3/s --service 500ms --servers 2 --capacity 5 -f json
