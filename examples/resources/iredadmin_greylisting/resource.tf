resource "iredadmin_greylisting" "example" {
  target              = "example.com"
  enabled             = true
  whitelisted_senders = ["@partner.example", "192.0.2.0/24"]
}
