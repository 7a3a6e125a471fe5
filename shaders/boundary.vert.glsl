// One triangle that covers the whole viewport, made from gl_VertexID alone (no vertex buffer):
// vertices 0, 1, 2 → clip positions (−1, −1), (3, −1), (−1, 3). The fragment shader works from
// gl_FragCoord, so nothing is passed on.
void main() {
  vec2 p = vec2(float((gl_VertexID & 1) << 2), float((gl_VertexID & 2) << 1)) - 1.0;
  gl_Position = vec4(p, 0.0, 1.0);
}
