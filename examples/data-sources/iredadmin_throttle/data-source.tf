data "iredadmin_throttle" "global_inbound" {
  target    = "global"
  direction = "inbound"
}
