queue --service 25ms --servers 32
