data "iredadmin_user" "jane" {
  email = "jane@example.com"
}
