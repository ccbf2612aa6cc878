data "iredadmin_wblist" "global_inbound" {
  target    = "global"
  direction = "inbound"
}
