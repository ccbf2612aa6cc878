resource "iredadmin_user" "jane" {
  email               = "jane@example.com"
  name                = "Jane Doe"
  password_wo         = var.jane_password # write-only: never stored in state
  password_wo_version = 1                 # bump to send a new password
  quota               = 2048
  forwarding          = ["jane@example.com", "jane@home.example"] # keep a copy and forward
  aliases             = ["j.doe@example.com"]
}
