resource "iredadmin_wblist" "example_inbound" {
  target    = "example.com"
  direction = "inbound"
  whitelist = ["partner@example.net", "@trusted.example", "192.0.2.0/24"]
  blacklist = ["@spam.example", "198.51.100.7"]
}
