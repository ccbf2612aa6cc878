data "iredadmin_domain" "example" {
  domain = "example.com"
}
