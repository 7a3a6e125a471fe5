#include "draw_replay.h"

#include <algorithm>

namespace bplab {

void DrawReplay::begin(const ImDrawList& list) {
  cmd_count_ = list.CmdBuffer.Size;
  vtx_start_ = list.VtxBuffer.Size;
  idx_start_ = list.IdxBuffer.Size;
  first_vtx_ = list._VtxCurrentIdx;
}

bool DrawReplay::end(const ImDrawList& list) {
  // A new command (another texture or clip rectangle, or a new vertex range) would need its
  // header replayed too.
  has_ = list.CmdBuffer.Size == cmd_count_ && list.VtxBuffer.Size >= vtx_start_ &&
         list.IdxBuffer.Size >= idx_start_ && list._VtxCurrentIdx >= first_vtx_;
  if (!has_) return false;
  vtx_.assign(list.VtxBuffer.Data + vtx_start_, list.VtxBuffer.Data + list.VtxBuffer.Size);
  idx_.resize(std::size_t(list.IdxBuffer.Size - idx_start_));
  for (std::size_t k = 0; k < idx_.size(); ++k)
    idx_[k] = ImDrawIdx(list.IdxBuffer.Data[std::size_t(idx_start_) + k] - first_vtx_);
  return true;
}

bool DrawReplay::replay(ImDrawList* list) const {
  if (!has_) return false;
  if (vtx_.empty()) return true;
  // PrimReserve() would open a new vertex range past 16-bit indices, and so a new command.
  if (sizeof(ImDrawIdx) == 2 && list->_VtxCurrentIdx + vtx_.size() >= (1u << 16)) return false;
  list->PrimReserve(int(idx_.size()), int(vtx_.size()));
  const unsigned int first = list->_VtxCurrentIdx;
  std::copy(vtx_.begin(), vtx_.end(), list->_VtxWritePtr);
  for (std::size_t k = 0; k < idx_.size(); ++k) list->_IdxWritePtr[k] = ImDrawIdx(idx_[k] + first);
  list->_VtxWritePtr += vtx_.size();
  list->_IdxWritePtr += idx_.size();
  list->_VtxCurrentIdx += unsigned(vtx_.size());
  return true;
}

}  // namespace bplab
